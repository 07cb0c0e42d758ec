// Realistic client reports for scenario participants (what a browser or mobile SDK tells IVS about itself).
import type { Rng } from './rng.ts';

export type ClientInfo = {
  osName: string;
  osVersion: string;
  browserName: string;
  browserVersion: string;
  sdkVersion: string;
  ispName: string;
  protocol: 'WHIP' | 'RTMP' | 'RTMPS' | 'UNKNOWN';
};

const DEVICES: Omit<ClientInfo, 'ispName' | 'protocol'>[] = [
  { osName: 'macOS', osVersion: '15.1', browserName: 'Chrome', browserVersion: '131.0.6778', sdkVersion: '1.21.0' },
  { osName: 'Windows', osVersion: '11', browserName: 'Edge', browserVersion: '131.0.2903', sdkVersion: '1.21.0' },
  { osName: 'iOS', osVersion: '18.1', browserName: 'Safari', browserVersion: '18.1', sdkVersion: '1.20.2' },
  { osName: 'Android', osVersion: '15', browserName: 'Chrome', browserVersion: '130.0.6723', sdkVersion: '1.20.2' },
  { osName: 'Linux', osVersion: '6.8', browserName: 'Firefox', browserVersion: '132.0', sdkVersion: '1.19.0' },
];
const ISPS = ['Comcast Cable', 'Deutsche Telekom AG', 'Verizon Fios', 'BT Group', 'Vodafone', 'AT&T Internet', 'Orange S.A.'];

export function clientInfo(rng: Rng, protocol: ClientInfo['protocol'] = 'WHIP'): ClientInfo {
  // The model limits client-reported names to letters, digits and -_.,:; and spaces.
  return { ...rng.pick(DEVICES), ispName: rng.pick(ISPS).replace('&', 'and'), protocol };
}
