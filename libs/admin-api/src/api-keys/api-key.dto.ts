import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsEnum, Matches } from 'class-validator';
import { Scope } from '../auth/scope.enum';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'crm-backend', description: '1-64 characters of [A-Za-z0-9._-]' })
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'name must be 1-64 characters of [A-Za-z0-9._-]' })
  name!: string;

  @ApiProperty({ enum: Scope, isArray: true, example: [Scope.LINKS_WRITE] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(Scope, { each: true, message: `scopes must each be one of ${Object.values(Scope).join(', ')}` })
  scopes!: Scope[];
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'First characters of the key, to recognise it' }) prefix!: string;
  @ApiProperty({ enum: Scope, isArray: true }) scopes!: Scope[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Scope, isArray: true }) scopes!: Scope[];
  @ApiProperty({ description: 'The secret, shown once and never stored' }) key!: string;
}
