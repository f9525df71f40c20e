import { IsBase64, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { SubmissionStatus } from '../state/submission.type';

/** `POST /__sandbox/submissions`: an ID Check submission; images as standard base64 JPEG/PNG. */
export class CreateSubmissionDto {
  /** Defaults to a random `sub_…` id; an existing id is replaced. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  id?: string;

  @IsIn(['approved', 'pending', 'rejected'])
  status!: SubmissionStatus;

  @IsOptional()
  @IsBase64()
  selfie?: string;

  /** ID document portrait: the reference when there is no selfie. */
  @IsOptional()
  @IsBase64()
  portrait?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  userid?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  cf1?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  cf2?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  cf3?: string;
}
