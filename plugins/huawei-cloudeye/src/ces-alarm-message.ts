import { PayloadError, childPath, readJsonText, readObject } from '@alert-hub/plugin-sdk';
import type { CesAlarm } from './ces-alarm.js';
import { readCesDataAlarm } from './ces-data-alarm.js';
import { readCesFlatAlarm } from './ces-flat-alarm.js';

/** Paths inside the message's JSON continue from it: `$.message.alarm_status`. */
const MESSAGE_PATH = '$.message';

const NOT_AN_ALARM =
  'is not a Cloud Eye alarm: expected a JSON object with alarm_id and alarm_status, or with ' +
  'version and data (something else published to the topic?)';

/** The Cloud Eye alarm an SMN notification's `message` holds, in either of its forms. */
export function readCesAlarm(message: string): CesAlarm {
  const parsed = readJsonText(message, MESSAGE_PATH, 'a Cloud Eye alarm');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PayloadError(NOT_AN_ALARM, MESSAGE_PATH);
  }
  const alarm = readObject(parsed, MESSAGE_PATH);
  if (alarm.data !== undefined && alarm.version !== undefined) {
    const dataPath = childPath(MESSAGE_PATH, 'data');
    return readCesDataAlarm(readObject(alarm.data, dataPath), dataPath);
  }
  if (alarm.alarm_id !== undefined || alarm.alarm_status !== undefined) {
    return readCesFlatAlarm(alarm, MESSAGE_PATH);
  }
  throw new PayloadError(NOT_AN_ALARM, MESSAGE_PATH);
}
