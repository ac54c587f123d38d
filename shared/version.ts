import pkg from '../package.json';

export const appVersion: string = pkg.version;
export const productName: string = pkg.productName;
