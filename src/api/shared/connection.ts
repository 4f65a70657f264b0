import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../../app/queries/page';
import { PageInfo } from './pageInfo.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay connection and edge types for a node type: `UnitConnection`, `UnitEdge`. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeClass {
    @Field({ description: 'Pass as `after` to read the items that follow this one.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export function toConnection<D, T>(page: Page<D>, toNode: (item: D) => T): Connection<T> {
  const edges = page.items.map((item, index) => ({ cursor: page.cursors[index], node: toNode(item) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors[page.cursors.length - 1] ?? null }, totalCount: page.totalCount };
}
