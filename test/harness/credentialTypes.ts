/**
 * Credential types known to the harness, with the lookups n8n's CLI `CredentialTypes` offers.
 */
import type { ICredentialType, INodeTypes } from 'n8n-workflow';
import { injectDomainRestrictionFields, UnexpectedError } from 'n8n-workflow';

export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: Record<string, ICredentialType> = {}) {
		for (const [name, type] of Object.entries(types)) this.add(name, type);
	}

	/**
	 * The key must equal the type's `name`, as it does for every loaded n8n credential.
	 * Like n8n's loader, adds the "Allowed HTTP Request Domains" fields to credentials that
	 * authenticate (they then show up in decrypted data). The caller's instance is left
	 * untouched: the registry keeps a child object that inherits everything else from it.
	 */
	add(name: string, type: ICredentialType): void {
		if (type.name !== name) {
			throw new UnexpectedError(`Credential type registered as "${name}" is named "${type.name}"`);
		}
		const loaded = Object.create(type) as ICredentialType;
		Object.defineProperty(loaded, 'properties', { value: injectDomainRestrictionFields(type), enumerable: true });
		this.types.set(name, loaded);
	}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return type;
	}

	/** All ancestors through `extends`, nearest first (like the CLI). */
	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.reduce<string[]>((all, parent) => [...all, parent, ...this.getParentTypes(parent)], []);
	}

	/** Node types whose description lists this credential (n8n derives this when loading). */
	getSupportedNodes(name: string, nodeTypes: INodeTypes): string[] {
		const known = nodeTypes.getKnownTypes() as Record<string, unknown>;
		return Object.keys(known).filter((typeName) =>
			(nodeTypes.getByNameAndVersion(typeName).description.credentials ?? []).some(
				(credential) => credential.name === name,
			),
		);
	}
}
