// Magento's REST error body (F/Webapi/Rest/Response::_renderMessages, F/Webapi/ErrorProcessor):
// {message, errors?, parameters?} with the raw message; parameters only when not empty.
import type { FaultSwitches } from '../model/faults.js';
import type { MagentoError, Phrase, PhraseParameters } from '../model/magento-errors.js';
import { internalError, renderedMessage } from '../model/magento-errors.js';

const isEmpty = (parameters: PhraseParameters): boolean =>
  Array.isArray(parameters) ? parameters.length === 0 : Object.keys(parameters).length === 0;

function phraseBody(phrase: Phrase, faults: FaultSwitches): { message: string; parameters?: PhraseParameters } {
  if (faults.isActive('messages-rendered-with-values')) return { message: renderedMessage(phrase) };
  if (isEmpty(phrase.parameters) || faults.isActive('parameters-missing')) return { message: phrase.message };
  return { message: phrase.message, parameters: phrase.parameters };
}

/** The error as sent: the `bad-request-as-500` fault masks every 400 as an internal error. */
export function effectiveError(error: MagentoError, faults: FaultSwitches): MagentoError {
  return error.status === 400 && faults.isActive('bad-request-as-500') ? internalError() : error;
}

export function errorBody(error: MagentoError, faults: FaultSwitches): Record<string, unknown> {
  const top = phraseBody(error.phrase, faults);
  if (error.errors.length === 0) return top;
  // Every listed error keeps its `parameters`, `[]` when it has none.
  const errors = error.errors.map((item) => {
    const { message, parameters } = phraseBody(item, faults);
    return { message, parameters: parameters ?? [] };
  });
  return { message: top.message, errors, ...(top.parameters ? { parameters: top.parameters } : {}) };
}
