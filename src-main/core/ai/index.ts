export { AiService, defaultAiTuning, type AiMessage, type AiRequest, type AiStreamPart, type AiToolCall, type AiToolSpec, type AiTuning } from './ai-service';
export { askStructured, checkAnswer, maxRepairTurns, responseJsonSchema, type AnswerCheck } from './structured';
export { redact, placeholders } from './redact';
export { aiGeneratePort } from './generate-port';
