import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { HUAWEI_CLOUDEYE_SAMPLES } from './docs/huawei-cloudeye.samples.js';
import { HUAWEI_CLOUDEYE_SETUP_GUIDE } from './docs/huawei-cloudeye.setup.js';
import { smnSubscriptionHandshake } from './huawei-cloudeye.handshake.js';
import { HUAWEI_CLOUDEYE_OUTBOUND_HOSTS } from './huawei-cloudeye.hosts.js';
import { parseHuaweiCloudeyeWebhook } from './huawei-cloudeye.parser.js';
import { HUAWEI_CLOUDEYE_SETTINGS } from './huawei-cloudeye.settings.js';
import { HUAWEI_CLOUDEYE_SEVERITY_MAP } from './huawei-cloudeye.severity-map.js';
import { verifySmnMessage } from './huawei-cloudeye.verify.js';

@IntegrationPluginProvider()
export class HuaweiCloudeyePlugin implements IntegrationPlugin {
  readonly id = 'huawei-cloudeye';
  readonly name = 'Huawei Cloud Eye';
  readonly description = 'Cloud Eye (CES) alarms through an SMN HTTPS subscription, signed by SMN';
  readonly severityMap = HUAWEI_CLOUDEYE_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: HUAWEI_CLOUDEYE_SETUP_GUIDE,
    samples: HUAWEI_CLOUDEYE_SAMPLES,
  };
  /**
   * SMN's docs call the body "JSON character strings" without naming a media type; Huawei's SMN
   * push demo binds it as JSON. Text is accepted too, and read as JSON.
   */
  readonly contentTypes = ['application/json', 'text/plain'];
  readonly settings = HUAWEI_CLOUDEYE_SETTINGS;
  readonly outboundHosts = HUAWEI_CLOUDEYE_OUTBOUND_HOSTS;
  readonly verify = verifySmnMessage;
  readonly handshake = smnSubscriptionHandshake;
  readonly parse = parseHuaweiCloudeyeWebhook;
}
