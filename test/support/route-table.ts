import { INestApplicationContext, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { InternalAuthGuard, PUBLIC_ROUTE, REQUIRED_SCOPES, Scope } from '@faceauth/admin-api';

export interface RouteEntry {
  method: string;
  path: string;
  /** The controller class that declares the route (e.g. to tell a host's routes from the module's). */
  controller: string;
  public: boolean;
  /** `InternalAuthGuard` is bound to the route, on its handler or on its controller. */
  guarded: boolean;
  scopes: Scope[];
}

/** Every route Nest registered, read from the controllers' metadata (not from a hand-kept list). */
export function routeTable(app: INestApplicationContext): RouteEntry[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const routes: RouteEntry[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined) continue;
      const targets = [handler, wrapper.metatype];
      routes.push({
        method: RequestMethod[method],
        path:
          '/' +
            [controllerPath, methodPath]
              .map((p) => p.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/') || '/',
        controller: wrapper.metatype.name,
        public: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
        guarded: targets.some((target) => guardsOf(target).includes(InternalAuthGuard)),
        scopes: reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [Scope.ADMIN],
      });
    }
  }
  return routes;
}

function guardsOf(target: object): unknown[] {
  return (Reflect.getMetadata(GUARDS_METADATA, target) as unknown[] | undefined) ?? [];
}

/** A concrete URL for a route pattern (path parameters filled with a plausible value). */
export function concretePath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '00000000-0000-4000-8000-000000000000');
}
