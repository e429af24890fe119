import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '@/platform/messaging/client';
import type { BackendPreference, SelfTestReport } from '@/platform/protocol/protocol';
import { BACKEND_PREFERENCES } from '@/platform/protocol/backend';
import { isOneOf } from '@/lib/one-of';
import { useSettings } from '@/components/shared/use-settings';

// The self-test run: once on open, with the backend from the URL or the settings, and again on
// demand; a new run aborts the one before, so a late answer never overwrites a newer one.

function initialBackend(fallback: BackendPreference): BackendPreference {
  const q = new URLSearchParams(location.search).get('backend');
  return isOneOf(BACKEND_PREFERENCES, q) ? q : fallback;
}

export type SelfTestState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: string }
  | { phase: 'done'; report: SelfTestReport }
  | { phase: 'error'; message: string };

export function useSelfTest() {
  const settings = useSettings();
  const [backend, setBackend] = useState<BackendPreference | null>(null);
  const [state, setState] = useState<SelfTestState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async (pref: BackendPreference) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', stage: 'starting' });
    const r = await call(
      'host.selftest',
      { backend: pref },
      { signal: controller.signal, retryOnDisconnect: true, onProgress: (p) => setState({ phase: 'running', stage: p.stage }) },
    );
    if (controller.signal.aborted) return;
    setState(r.ok ? { phase: 'done', report: r.value } : { phase: 'error', message: `${r.error.code}: ${r.error.message}` });
  }, []);

  // Run once on open, with the backend from the URL or the settings.
  useEffect(() => {
    const stored = settings.backend;
    if (backend !== null) return;
    const pref = initialBackend(stored);
    setBackend(pref);
    void run(pref);
  }, [settings, backend, run]);

  return { backend, setBackend, state, run };
}
