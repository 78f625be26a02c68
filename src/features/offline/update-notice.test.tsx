// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { UpdateNotice } from './update-notice';
import { setUpdateState } from './update-state';
import { resetAll, setPane } from './test-helpers';

const activate = vi.fn(() => Promise.resolve());

beforeEach(() => {
  resetAll();
  activate.mockClear();
});
afterEach(cleanup);

const show = (phase: 'offline-ready' | 'waiting' | 'elsewhere') =>
  act(() => setUpdateState({ phase, activate }));

describe('UpdateNotice', () => {
  it('says nothing when there is nothing to say', () => {
    render(<UpdateNotice />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('tells a first visitor the app now works offline, until they say OK', () => {
    render(<UpdateNotice />);
    show('offline-ready');
    expect(screen.getByRole('status').textContent).toContain('Tandem is now stored in this browser');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers the new version, and updates on the visitor’s word only', () => {
    render(<UpdateNotice />);
    show('waiting');
    expect(screen.getByRole('status').textContent).toContain(
      'A new version of Tandem is ready — Reload to update.',
    );
    expect(activate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(activate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Updating Tandem…');
  });

  it('while a reply streams, waits for it and says so; Cancel takes the yes back', () => {
    act(() => setPane('a', 'generating'));
    render(<UpdateNotice />);
    show('waiting');
    fireEvent.click(screen.getByRole('button', { name: 'Reload after the current reply' }));
    expect(activate).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain(
      'Tandem will reload to update after the current reply.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Reload after the current reply' })).toBeTruthy();
    act(() => setPane('a', 'ready'));
    expect(activate).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Reload to update' })).toBeTruthy();
  });

  it('after a yes that waited, updates as soon as the reply ends', () => {
    act(() => setPane('b', 'generating'));
    render(<UpdateNotice />);
    show('waiting');
    fireEvent.click(screen.getByRole('button', { name: 'Reload after the current reply' }));
    act(() => setPane('b', 'ready'));
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('names a load or the quality check as what it waits for', () => {
    act(() => setPane('a', 'loading'));
    render(<UpdateNotice />);
    show('waiting');
    expect(screen.getByRole('button', { name: 'Reload after the model has loaded' })).toBeTruthy();
    act(() => {
      setPane('a', 'ready');
      useStore.getState().patchQuality({ phase: 'running' });
    });
    expect(screen.getByRole('button', { name: 'Reload after the quality check' })).toBeTruthy();
  });

  it('"Not now" puts the offer away', () => {
    render(<UpdateNotice />);
    show('waiting');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(activate).not.toHaveBeenCalled();
  });

  it('tells a page that another tab updated the app', () => {
    render(<UpdateNotice />);
    show('elsewhere');
    expect(screen.getByRole('status').textContent).toContain('Tandem was updated in another tab');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
