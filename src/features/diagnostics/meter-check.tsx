import { useState } from 'react';
import { verifyGpuMeter } from '../../controller/diagnostics';
import type { MeterCheckResult } from '../../engine/types';
import { formatBytes } from '../../ui/format';

/** Lets anyone check the GPU memory meter against arithmetic they can do themselves. */
export function MeterCheck() {
  const [result, setResult] = useState<MeterCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="meter-check">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          verifyGpuMeter()
            .then(setResult, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        Verify the GPU memory meter
      </button>
      {error && <p role="alert">The check could not run: {error}</p>}
      {result && (
        <p role="status" aria-label="Meter check result">
          Created {result.createdBytes.map(formatBytes).join(' + ')}, destroyed{' '}
          {result.destroyedBytes.map(formatBytes).join(' + ')}: expected live{' '}
          {formatBytes(result.expectedLiveBytes)}, the meter reads {formatBytes(result.meterLiveBytes)} —{' '}
          {result.meterLiveBytes === result.expectedLiveBytes ? 'they agree' : 'they DISAGREE'}.
        </p>
      )}
    </div>
  );
}
