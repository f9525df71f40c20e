import { registerDecorator, ValidationArguments } from 'class-validator';
import { metadataProblem } from '@faceauth/token-policy';

/**
 * A link's `metadata`: an object of at most 20 safe keys with string values within their limits, checked
 * by the token policy's own rule (the message names the offending entry, e.g. `metadata.orderId`).
 */
export function IsLinkMetadata(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLinkMetadata',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => metadataProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          metadataProblem(args?.value)?.message ?? 'metadata must be an object of string values',
      },
    });
}
