import { X } from '@faceauth/core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Controller, Get, Module } from '@nestjs/common';
@Controller() class H { @Get('health') h() { return { status: 'ok' }; } }
@Module({ controllers: [H] }) class AppModule {}
async function main() { const app = await NestFactory.create(AppModule, new FastifyAdapter()); await app.listen(3000); }
void main(); void X;
