export function hostTarget(): string;
export function findRestic(env: NodeJS.ProcessEnv, target: string): string;
export function findLicence(env: NodeJS.ProcessEnv, binary: string, debian?: string): string;
export function bundleRestic(options: { resourcesDir: string; env?: NodeJS.ProcessEnv; target?: string; debian?: string }): { program: string; licence: string; from: string };
