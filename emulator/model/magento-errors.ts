// Magento's exceptions as the REST error processor sees them: a raw message (placeholders kept),
// its parameters, and the HTTP status the exception class maps to (F/Webapi/ErrorProcessor.php).
import { randomBytes } from 'node:crypto';

/** Named placeholders (`%fieldName`) give an object, numbered ones (`%1`) a list. */
export type PhraseParameters = Readonly<Record<string, string | number>> | readonly (string | number)[];

export interface Phrase {
  message: string;
  parameters: PhraseParameters;
}

/** 400 LocalizedException family, 401 authentication/authorization, 404 NoSuchEntity, 500 anything else. */
export type ErrorStatus = 400 | 401 | 404 | 500;

export class MagentoError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly phrase: Phrase,
    /** InputException with two or more errors: the body lists them under `errors`. */
    readonly errors: readonly Phrase[] = [],
  ) {
    super(phrase.message);
  }
}

export function phrase(message: string, parameters: PhraseParameters = []): Phrase {
  return { message, parameters };
}

// What Magento's __() would print: `%name` and `%1` replaced by their values.
export function renderedMessage({ message, parameters }: Phrase): string {
  const values: Readonly<Record<string, string | number>> = Array.isArray(parameters)
    ? Object.fromEntries(parameters.map((value, index) => [String(index + 1), value]))
    : (parameters as Readonly<Record<string, string | number>>);
  return message.replace(/%(\w+)/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

export const badRequest = (message: string, parameters?: PhraseParameters): MagentoError =>
  new MagentoError(400, phrase(message, parameters));

export const unauthorized = (message: string, parameters?: PhraseParameters): MagentoError =>
  new MagentoError(401, phrase(message, parameters));

export const notFound = (message: string, parameters?: PhraseParameters): MagentoError =>
  new MagentoError(404, phrase(message, parameters));

// InputException: one error becomes the message itself, several are listed under a generic message.
export function inputErrors(phrases: readonly Phrase[]): MagentoError {
  const [only] = phrases;
  if (phrases.length === 1 && only) return new MagentoError(400, only);
  return new MagentoError(400, phrase('One or more input exceptions have occurred.'), phrases);
}

const requiredField = (fieldName: string): Phrase =>
  phrase('"%fieldName" is required. Enter and try again.', { fieldName });

export const requiredFields = (fieldNames: readonly string[]): MagentoError => inputErrors(fieldNames.map(requiredField));

// SerializationException re-thrown as a Webapi exception: the message arrives already filled in.
export const invalidType = (value: string, type: string): MagentoError =>
  badRequest(`The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.`);

// AuthorizationException from the REST request validator (W/Controller/Rest/RequestValidator.php).
export const notAuthorizedFor = (resources: string): MagentoError =>
  unauthorized("The consumer isn't authorized to access %resources.", { resources });

export const routeNotFound = (): MagentoError => notFound('Request does not match any route.');

export const decodingError = (): MagentoError => badRequest('Decoding error.');

// Any non-Localized exception outside developer mode (F/Webapi/ErrorProcessor::maskException),
// with a uniqid()-like report id.
export function internalError(): MagentoError {
  const reportId = randomBytes(7).toString('hex').slice(0, 13);
  return new MagentoError(500, phrase(`Internal Error. Details are available in Magento log file. Report ID: webapi-${reportId}`));
}

// CustomerRegistry::retrieve for an unknown id.
export const noSuchCustomerId = (customerId: number): MagentoError =>
  notFound('No such entity with %fieldName = %fieldValue', { fieldName: 'customerId', fieldValue: customerId });
