import { useEffect, useState } from 'react';
import { probeDevice, type DeviceReport } from '../features/device/probe';

export function useDevice(): DeviceReport | null {
  const [report, setReport] = useState<DeviceReport | null>(null);
  useEffect(() => {
    let live = true;
    void probeDevice().then((r) => live && setReport(r));
    return () => {
      live = false;
    };
  }, []);
  return report;
}
