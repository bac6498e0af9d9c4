export { MessagesScreen } from './MessagesScreen';
export { MessageComposer, type MessageDraft } from './MessageComposer';
