/**
 * The system prompt: the task, today in the dealer's time zone, the conversation's language and
 * what the bot just asked for. Instructions to the model, never shown to a customer.
 * @module
 */
import { DateTime } from 'luxon';
import type { Awaiting } from '../../../dialogs/model';
import type { RecognizeInput } from '../recognizer';

const AWAITED: Record<Awaiting, string> = {
  name: "the customer's name",
  vehicle: "the car's plate, VIN or model",
  service: 'what work the car needs',
  mobility: 'how the customer will get around while the car is in the workshop (one of the options offered)',
  pickupDelivery: 'whether the car should be picked up, delivered back, or both',
  address: 'the address where to pick up or deliver the car',
  date: 'the day (and maybe hour) the customer wishes',
  slot: 'which of the offered appointment slots the customer picks (1-based)',
  confirm: 'a yes or no to the booking summary, or a change to it',
  text: 'free text',
};

const INTENT_GUIDE = [
  'book: wants an appointment or states a need for the car',
  'inform: gives information (a plate, name, date, choice...) without a stronger intent',
  'affirm / deny: yes / no to what the bot asked',
  'help: asks what the bot can do or how it works',
  'cancel: wants to stop this booking conversation',
  'restart: wants to start over',
  'human: asks for a person (concern callback when they ask to be called back)',
  'correction: takes back something said ("no wait, Thursday")',
  'switchLanguage: asks to talk in another language (set entities.language)',
  'greeting, thanks',
  'urgent: accident, breakdown on the road, smoke, danger (concern road), a complaint (complaint), an insurance or legal matter (legal)',
  'outOfDomain: nothing to do with booking a car workshop appointment',
].join('\n- ');

export function systemPrompt(input: RecognizeInput): string {
  const now = DateTime.fromISO(input.now, { zone: input.timeZone });
  const today = `${now.toISODate()} (${now.setLocale('en').toFormat('cccc')}), ${now.toFormat('HH:mm')} in ${input.timeZone}`;
  const awaited = input.awaiting ? AWAITED[input.awaiting] : 'nothing in particular (the conversation is starting or open)';
  return [
    "You read one customer's message to a car dealer's workshop booking assistant and answer only with JSON matching the schema.",
    `Conversation language: ${input.lang === 'it' ? 'Italian' : 'English'} (messages may be in Italian or English, informal, with typos).`,
    `Today is ${today}. Resolve relative days ("tomorrow", "martedì prossimo") to yyyy-MM-dd from today; a weekday alone is its next occurrence after today.`,
    `The assistant has just asked for: ${awaited}. Short answers ("2", "sì", a bare name) answer that.`,
    `Intents:\n- ${INTENT_GUIDE}`,
    'Entities: null (or false, or []) when not said. mobility "replacement" is any replacement car of unspecified kind. question: the topic when the message asks something, else null.',
    'Placeholders [PLATE], [VIN] and [VEHICLE-ID] stand for vehicle identifiers already read: never invent one.',
    'confidence: how sure you are of the intent (0 to 1).',
  ].join('\n');
}
