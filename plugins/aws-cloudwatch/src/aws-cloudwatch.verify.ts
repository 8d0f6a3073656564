import {
  VERIFIED,
  fetchNamedCertificate,
  readSignedJsonMessage,
  rsaSignatureMatches,
  verificationFailed,
  type VerificationRequest,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import { acceptedTopicArns, verifiesSignatures } from './aws-cloudwatch.settings.js';
import { readSnsMessage, type SnsMessage } from './sns-message.js';
import { SNS_SIGNATURE_DIGESTS, snsSignedText } from './sns-signature.js';

/** SNS says what a message is in a header too; a body that says otherwise was tampered with. */
const MESSAGE_TYPE_HEADER = 'x-amz-sns-message-type';

async function signatureProblem(message: SnsMessage, request: VerificationRequest) {
  const version = message.signatureVersion ?? '';
  const digest = SNS_SIGNATURE_DIGESTS[version];
  if (digest === undefined) {
    return `SignatureVersion ${JSON.stringify(version)} is not one Alert Hub checks (1 or 2)`;
  }
  if (message.signature === undefined || message.signingCertUrl === undefined) {
    return 'the message has no Signature or no SigningCertURL';
  }
  const certificate = await fetchNamedCertificate(request.certificates, message.signingCertUrl);
  if (certificate === undefined) {
    return `SigningCertURL ${message.signingCertUrl} is not an HTTPS URL on an SNS host`;
  }
  if (!rsaSignatureMatches(certificate, digest, snsSignedText(message), message.signature)) {
    return `the Signature (SignatureVersion ${version}) does not match the message: changed, or not signed with the certificate at SigningCertURL`;
  }
  return undefined;
}

/**
 * Whether a push is an SNS message of an accepted topic, signed by SNS: the message type header
 * agrees with the body, the topic is one the integration accepts, and (unless the integration
 * turned it off) the signature matches the certificate SNS names, which the core fetches from an
 * SNS host only. A certificate host that cannot be reached rejects (the core answers 502).
 */
export async function verifySnsMessage(request: VerificationRequest): Promise<VerificationResult> {
  const topics = acceptedTopicArns(request.settings);
  const checksSignature = verifiesSignatures(request.settings);
  const message = readSignedJsonMessage(request.rawBody, readSnsMessage);
  if (typeof message === 'string') {
    // Nothing to check: `parse` refuses the body, and says where (400).
    if (!checksSignature && topics.length === 0) return VERIFIED;
    return verificationFailed(`not an SNS message: ${message}`);
  }
  const headerType = request.headers[MESSAGE_TYPE_HEADER];
  if (headerType !== undefined && headerType !== message.type) {
    return verificationFailed(
      `${MESSAGE_TYPE_HEADER} is ${JSON.stringify(headerType)} but the message's Type is ${JSON.stringify(message.type)}`,
    );
  }
  if (topics.length > 0 && !topics.includes(message.topicArn)) {
    return verificationFailed(`TopicArn ${message.topicArn} is not one this integration accepts`);
  }
  if (!checksSignature) return VERIFIED;
  const problem = await signatureProblem(message, request);
  return problem === undefined ? VERIFIED : verificationFailed(problem);
}
