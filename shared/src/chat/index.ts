export * from './chat-text';
export * from './change-summary';
export * from './slack-message';
export * from './teams-message';
export * from './discord-message';
export * from './webhook-message';
export * from './sample-change';
