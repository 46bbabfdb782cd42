export interface Redirect {
  from: string;
  to: string;
  status: number;
}
export function redirectKey(path: string): string;
export function parseRedirects(text: string, source?: string): Redirect[];
export function nginxRedirectMap(redirects: readonly Pick<Redirect, 'from' | 'to'>[]): string;
