import type OpenAI from 'openai';
import { lazyPackage } from '../lazy-package';

/** The official client package, loaded with the first model call: starting the app does not need it. */
export const loadOpenAI = lazyPackage<typeof OpenAI>('openai');
