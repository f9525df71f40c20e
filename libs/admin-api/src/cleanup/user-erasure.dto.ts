import { ApiProperty } from '@nestjs/swagger';

export class ErasureRemainderDto {
  @ApiProperty() authId!: string;
  @ApiProperty({
    enum: ['held', 'argos_refused', 'argos_unreachable', 'in_progress'],
    description:
      '`held`: under legal hold; `argos_refused`: Argos refused the DELETE (key, IP allow-list or request: ' +
      'an operator must act); `argos_unreachable`: Argos failed or could not be reached (retried on the ' +
      'cleanup schedule); `in_progress`: another instance is deleting it now',
  })
  reason!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Stable code of the last failed attempt' })
  errorCode!: string | null;
}

export class UserErasureDto {
  @ApiProperty({ description: "The person's results not deleted yet and not held, now due" })
  results!: number;
  @ApiProperty({ description: 'Of those, deleted at Argos and purged during this request' }) deleted!: number;
  @ApiProperty({
    description: 'Not deleted yet and not held (Argos refused or unreachable, or a run elsewhere has them)',
  })
  pending!: number;
  @ApiProperty({ description: 'Kept because of a legal hold' }) held!: number;
  @ApiProperty({ description: 'Links revoked and stripped of personal fields' }) linksErased!: number;
  @ApiProperty({
    description:
      'True only when every result found for the person (by their person fields or through their links) is ' +
      'deleted at Argos and purged here; held results count as remaining',
  })
  complete!: boolean;
  @ApiProperty({ type: ErasureRemainderDto, isArray: true, description: 'What is left, and why' })
  remaining!: ErasureRemainderDto[];
  @ApiProperty({ nullable: true, type: String, description: 'The cleanup run that processed the results' })
  runId!: string | null;
}
