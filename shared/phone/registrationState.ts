// The softphone's registration as every layer names it: the phone reports it, the shell's status bar shows it.
// One type in shared/, because ui/ may not import phone/ (docs/ARCHITECTURE.md, "Layers and who may import whom").
export type PhoneRegistrationState = 'unconfigured' | 'connecting' | 'registered' | 'failed' | 'disconnected';
