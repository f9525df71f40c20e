import { ApiProperty } from '@nestjs/swagger';

export class UserErasureDto {
  @ApiProperty({ description: "The person's results not deleted yet, now due" }) results!: number;
  @ApiProperty({ description: 'Of those, deleted at Argos and purged during this request' }) deleted!: number;
  @ApiProperty({
    description: 'Due but not deleted yet (Argos refused for now, or a run elsewhere will take them)',
  })
  pending!: number;
  @ApiProperty({ description: 'Kept because of a legal hold' }) held!: number;
  @ApiProperty({ description: 'Links revoked and stripped of personal fields' }) linksErased!: number;
  @ApiProperty({ description: 'True when nothing is left to delete (held results aside)' })
  complete!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The cleanup run that processed the results' })
  runId!: string | null;
}
