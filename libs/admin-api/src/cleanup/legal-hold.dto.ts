import { ApiProperty } from '@nestjs/swagger';

export class LegalHoldDto {
  @ApiProperty() authId!: string;
  @ApiProperty({ description: 'While true, the result is never deleted (schedule or user request)' })
  legalHold!: boolean;
  @ApiProperty({ description: 'When its biometric data is due for deletion, hold aside' }) deadline!: string;
  @ApiProperty({ description: 'Already deleted at Argos and purged here' }) deleted!: boolean;
}
