import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectCommander } from 'nest-commander';

/** The part of commander's root `Command` we touch (commander is nest-commander's dependency, not ours). */
interface NamedProgram {
  name(name: string): unknown;
  description(text: string): unknown;
}

/** Program-wide commander settings; commander would otherwise name the program after main.js. */
@Injectable()
export class CliProgramInitializer implements OnModuleInit {
  constructor(@InjectCommander() private readonly program: NamedProgram) {}

  onModuleInit(): void {
    this.program.name('faceauth');
    this.program.description(
      'Argos FaceAuth tools: encrypt, decrypt and build Face Auth URLs; operate the service (keys, links, results, reconcile, webhooks, cleanup)',
    );
  }
}
