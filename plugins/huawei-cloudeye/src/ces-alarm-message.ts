import { PayloadError, childPath, readObject, type JsonObject } from '@alert-hub/plugin-sdk';
import type { CesAlarm } from './ces-alarm.js';
import { readCesDataAlarm } from './ces-data-alarm.js';
import { readCesFlatAlarm } from './ces-flat-alarm.js';

/** Paths inside the message's JSON are written as if it were an object at `$.message`. */
const MESSAGE_PATH = '$.message';

const NOT_AN_ALARM =
  'is not a Cloud Eye alarm: expected a JSON object with alarm_id and alarm_status, or with ' +
  'version and data (something else published to the topic?)';

function parseMessage(message: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw new PayloadError(NOT_AN_ALARM, MESSAGE_PATH);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PayloadError(NOT_AN_ALARM, MESSAGE_PATH);
  }
  return parsed as JsonObject;
}

/** The Cloud Eye alarm an SMN notification's `message` holds, in either of its forms. */
export function readCesAlarm(message: string): CesAlarm {
  const alarm = parseMessage(message);
  if (alarm.data !== undefined && alarm.version !== undefined) {
    const dataPath = childPath(MESSAGE_PATH, 'data');
    return readCesDataAlarm(readObject(alarm.data, dataPath), dataPath);
  }
  if (alarm.alarm_id !== undefined || alarm.alarm_status !== undefined) {
    return readCesFlatAlarm(alarm, MESSAGE_PATH);
  }
  throw new PayloadError(NOT_AN_ALARM, MESSAGE_PATH);
}
