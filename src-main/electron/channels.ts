/**
 * The only two IPC channels between the preload and the main process. src-preload keeps its
 * own copy (it may import only shared/); a test checks the two agree.
 */
export const callChannel = 'levqor:call';
export const eventChannel = 'levqor:event';
