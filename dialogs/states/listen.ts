/**
 * R1 Listen: the need in the customer's words, the car, and who they are.
 * @module
 */
import { AWAITING_USER } from '../awaiting';
import { machineSetup } from '../machine-setup';

const asking = (prompt: 'service' | 'vehicle' | 'name') =>
  machineSetup.createStateConfig({ tags: [AWAITING_USER], entry: { type: 'ask', params: { prompt } } });

export const listen = {
  askService: asking('service'),
  askVehicle: asking('vehicle'),
  askName: asking('name'),
};
