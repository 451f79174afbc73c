/** The tag of every state that waits for the customer: the engine runs the actor until one. */
export const AWAITING_USER = 'awaitingUser';
