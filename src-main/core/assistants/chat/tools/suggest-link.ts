import { chatActionSchema } from '../../../../../shared/contract/chat';
import { appRouteExamples } from '../../../../../shared/app-routes';
import { areas } from '../../../../../shared/areas';
import { defineChatTool } from '../chat-tool';

/** The one way the assistant proposes an action: a button that opens a screen of the app, where the founder decides. */
export const suggestLinkTool = defineChatTool({
  name: 'suggest_link',
  description: `Shows the founder a button that opens a screen of the app (you never act yourself). href is one of: ${appRouteExamples.join(', ')}; the areas are ${areas.filter((a) => a.built).map((a) => a.id).join(', ')}.`,
  input: chatActionSchema.strict(),
  execute: (action, { propose }) => {
    propose(action);
    return { shown: true };
  },
});
