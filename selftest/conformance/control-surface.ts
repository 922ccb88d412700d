// The emulator's `/__emulator/` control surface (docs/ARCHITECTURE.md): the replay's "database".

export type ControlSurface = {
  resetTokenAge(customerId: number, seconds: number): Promise<void>;
  lock(customerId: number, failures: number, lockExpiresInSeconds: number): Promise<void>;
  expireTokenThrottle(username: string): Promise<void>;
  clearPasswordResetRequests(): Promise<void>;
  /** `null` restores the stack default. */
  setConfig(path: string, value: string | null): Promise<void>;
  config(): Promise<Record<string, string>>;
};

export function controlSurface(baseUrl: string): ControlSurface {
  const call = async (method: string, path: string, body?: object): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${method} /__emulator${path} answered ${response.status}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    resetTokenAge: async (id, seconds) => void (await call('POST', `/customers/${id}/reset-token-age`, { seconds })),
    lock: async (id, failures, lockExpiresInSeconds) =>
      void (await call('POST', `/customers/${id}/lock`, { failures, lockExpiresInSeconds })),
    expireTokenThrottle: async (username) => void (await call('POST', '/token-throttle/expire', { username, userType: 'customer' })),
    clearPasswordResetRequests: async () => void (await call('DELETE', '/password-reset-requests')),
    setConfig: async (path, value) => void (await call('PUT', '/config', { path, value })),
    config: async () => (await call('GET', '/config')) as Record<string, string>,
  };
}
