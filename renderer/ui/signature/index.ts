export { SignatureField, type SignatureFieldProps, type SignatureStrings } from './SignatureField';
export { isSigned, signatureValueOf, type SignatureValue } from './signatureValue';
