import {
  VERIFIED,
  fetchNamedCertificate,
  readSignedJsonMessage,
  rsaSignatureMatches,
  settingFlag,
  settingText,
  verificationFailed,
  type VerificationRequest,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import { isSmnCertificateUrl } from './huawei-cloudeye.hosts.js';
import {
  ALLOWED_TOPIC_URNS_SETTING,
  VERIFY_SIGNATURES_SETTING,
} from './huawei-cloudeye.settings.js';
import { readSmnMessage, smnSignedText, type SmnMessage } from './smn-message.js';

/** The header SMN repeats the message type in (read case-insensitively: the core lowercases). */
const MESSAGE_TYPE_HEADER = 'x-smn-message-type';

/** The one signature version SMN documents. */
const SIGNATURE_VERSION = 'v1';

function allowedTopics(request: VerificationRequest): string[] | undefined {
  const setting = settingText(request.settings, ALLOWED_TOPIC_URNS_SETTING);
  const topics = (setting ?? '')
    .split(',')
    .map((topic) => topic.trim())
    .filter((topic) => topic !== '');
  return topics.length === 0 ? undefined : topics;
}

/** What is wrong with the message apart from its signature, if anything. */
function envelopeProblem(
  request: VerificationRequest,
  message: SmnMessage,
  topics: readonly string[] | undefined,
): string | undefined {
  const headerType = request.headers[MESSAGE_TYPE_HEADER];
  if (headerType !== undefined && headerType.toLowerCase() !== message.type.toLowerCase()) {
    return `X-SMN-MESSAGE-TYPE says ${headerType} but the message's type is ${message.type}`;
  }
  if (topics !== undefined && !topics.includes(message.topicUrn)) {
    return `topic ${message.topicUrn} is not in this integration's ${ALLOWED_TOPIC_URNS_SETTING}`;
  }
  return undefined;
}

/**
 * SMN's signature (smn_ug_a9003): RSA over the message's signed fields with the certificate at
 * `signing_cert_url`. SHA-256, as two real SMN messages show: they verify with SHA256withRSA, not
 * SHA1withRSA, against the signing certificate Huawei publishes (smn_ug_a9000).
 */
async function signatureProblem(
  request: VerificationRequest,
  message: SmnMessage,
): Promise<string | undefined> {
  const { signature, signatureVersion, signingCertUrl } = message;
  if (signatureVersion !== undefined && signatureVersion.toLowerCase() !== SIGNATURE_VERSION) {
    return `signature_version ${signatureVersion} is not ${SIGNATURE_VERSION}`;
  }
  if (signature === undefined) return 'the message has no signature';
  if (signingCertUrl === undefined) return 'the message has no signing_cert_url';
  if (!isSmnCertificateUrl(signingCertUrl)) {
    return `signing_cert_url ${signingCertUrl} is not an SMN certificate URL`;
  }
  const certificate = await fetchNamedCertificate(request.certificates, signingCertUrl);
  if (certificate === undefined) {
    return `signing_cert_url ${signingCertUrl} is not on a host this plugin may contact`;
  }
  if (!rsaSignatureMatches(certificate, 'sha256', smnSignedText(message), signature)) {
    return 'the signature does not match the message: forged, or changed on the way';
  }
  return undefined;
}

/**
 * Verifies that a push is an SMN message from an accepted topic, signed by SMN unless the
 * integration turned signature checks off.
 */
export async function verifySmnMessage(request: VerificationRequest): Promise<VerificationResult> {
  const checksSignature = settingFlag(request.settings, VERIFY_SIGNATURES_SETTING) !== false;
  const topics = allowedTopics(request);
  const message = readSignedJsonMessage(request.rawBody, readSmnMessage);
  if (typeof message === 'string') {
    // With nothing to check, `parse` refuses the body and says where (400).
    if (!checksSignature && topics === undefined) return VERIFIED;
    return verificationFailed(`not an SMN message: ${message}`);
  }
  const problem =
    envelopeProblem(request, message, topics) ??
    (checksSignature ? await signatureProblem(request, message) : undefined);
  return problem === undefined ? VERIFIED : verificationFailed(problem);
}
