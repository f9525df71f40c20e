import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error-code';

/** The body of every error answer of this service. */
export class ErrorEnvelope {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    example: 'VALIDATION_FAILED',
    description:
      "Stable machine-readable code: one of these; each error answer of a route lists the route's own codes",
  })
  code!: string;

  @ApiProperty({ example: 'sid must be a non-empty string' })
  message!: string;

  @ApiProperty({ example: '0f8c7a51-1d4e-4f0b-9a59-2a7d3f0c9e11' })
  requestId!: string;

  @ApiPropertyOptional({
    example: { database: { status: 'up' }, argos: { status: 'down', projects: { default: 'open' } } },
    description:
      '`GET /health/ready` only: the state of each readiness check, with its details (counts, ages, project names)',
  })
  checks?: Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;
}
