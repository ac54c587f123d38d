export { ChatService, type ChatDeps } from './chat-service';
export { maxToolRounds, type ChatTurnAnswer, type ChatTurnRequest } from './chat-turn';
export { chatTools } from './tools';
export type { ChatTool } from './chat-tool';
export type { ChatSources } from './sources';
