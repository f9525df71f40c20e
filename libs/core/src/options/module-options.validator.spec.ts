import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ModuleOptionsError } from './module-options.error';
import { validateModuleOptions } from './module-options.validator';

class Retry {
  @IsInt({ message: 'must be a whole number' }) @Min(1, { message: 'must be ≥ 1' }) baseMs = 100;
  @IsInt() @Max(60_000, { message: 'must be ≤ 60000' }) capMs = 2_000;
}
class Project {
  @IsString() @MinLength(1, { message: 'is required' }) pid!: string;
  @IsOptional() @IsIn(['a', 'b'], { message: 'must be a or b' }) mode?: 'a' | 'b';
}
class Options {
  @ValidateNested() @Type(() => Retry) retry: Retry = new Retry();
  @IsArray() @ValidateNested({ each: true }) @Type(() => Project) projects: Project[] = [];
}

function refusal(options: unknown): ModuleOptionsError {
  try {
    validateModuleOptions('DemoModule', Options, options);
  } catch (error) {
    if (error instanceof ModuleOptionsError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateModuleOptions', () => {
  it('fills every default, nested groups included, and keeps what was given', () => {
    const resolved = validateModuleOptions('DemoModule', Options, { retry: { capMs: 500 } });
    expect(resolved).toBeInstanceOf(Options);
    expect(resolved.retry).toEqual({ baseMs: 100, capMs: 500 });
    expect(resolved.projects).toEqual([]);
    expect(validateModuleOptions('DemoModule', Options, undefined).retry.capMs).toBe(2_000);
  });

  it('names the refused option by its path, arrays by index, without quoting the value', () => {
    const nested = refusal({ retry: { baseMs: 0 } });
    expect([nested.module, nested.option, nested.rule]).toEqual([
      'DemoModule',
      'retry.baseMs',
      'must be ≥ 1',
    ]);
    expect(nested.message).toBe('DemoModule option retry.baseMs must be ≥ 1');
    const indexed = refusal({ projects: [{ pid: 'p' }, { pid: 'q', mode: 'secret-value' }] });
    expect(indexed.option).toBe('projects[1].mode');
    expect(indexed.message).not.toContain('secret-value');
  });

  it('refuses options that are not an object', () => {
    expect(refusal('nope').option).toBe('(root)');
    expect(refusal([]).option).toBe('(root)');
  });
});
