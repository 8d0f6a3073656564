import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { AWS_CLOUDWATCH_SAMPLES } from './docs/aws-cloudwatch.samples.js';
import { AWS_CLOUDWATCH_SETUP_GUIDE } from './docs/aws-cloudwatch.setup.js';
import { parseAwsCloudwatchWebhook, snsSubscriptionHandshake } from './aws-cloudwatch.parser.js';
import { AWS_CLOUDWATCH_SETTINGS } from './aws-cloudwatch.settings.js';
import { AWS_CLOUDWATCH_SEVERITY_MAP } from './aws-cloudwatch.severity-map.js';
import { verifySnsMessage } from './aws-cloudwatch.verify.js';

@IntegrationPluginProvider()
export class AwsCloudwatchPlugin implements IntegrationPlugin {
  readonly id = 'aws-cloudwatch';
  readonly name = 'AWS CloudWatch (SNS)';
  readonly description =
    'CloudWatch alarm state changes through an SNS HTTP(S) subscription, signatures verified';
  readonly severityMap = AWS_CLOUDWATCH_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: AWS_CLOUDWATCH_SETUP_GUIDE,
    samples: AWS_CLOUDWATCH_SAMPLES,
  };
  /** SNS sends its JSON as text/plain unless a delivery policy sets application/json. */
  readonly contentTypes = ['text/plain', 'application/json'];
  /** Where SNS puts signing certificates and confirmation URLs, in China too. */
  readonly outboundHosts = ['sns.*.amazonaws.com', 'sns.*.amazonaws.com.cn'];
  readonly settings = AWS_CLOUDWATCH_SETTINGS;
  readonly verify = verifySnsMessage;
  readonly handshake = snsSubscriptionHandshake;
  readonly parse = parseAwsCloudwatchWebhook;
}
