export function optionValue(name: string, fallback: string): string;
export function normalizeBasePath(raw: string): string;
