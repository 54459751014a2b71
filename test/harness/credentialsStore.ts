/**
 * The harness's credentials "database": rows of `{ id, name, type, data }`.
 *
 * Data is kept as a JSON string, as n8n keeps it (encrypted) in the `credentials_entity`
 * table, so every read is a fresh copy and non-JSON values are lost the same way. Every write
 * (the `updateCredentials` n8n does after a token refresh) is kept in `updates`, so tests can
 * assert how often a refreshed token was stored and what.
 */
import type { ICredentialDataDecryptedObject, INodeCredentialsDetails } from 'n8n-workflow';
import { UnexpectedError, UserError } from 'n8n-workflow';

export interface CredentialRow {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export type CredentialWriteSource = 'updateCredentials' | 'updateCredentialsOauthTokenData';

export interface CredentialWrite {
	id: string;
	type: string;
	source: CredentialWriteSource;
	/** The full data as written. */
	data: ICredentialDataDecryptedObject;
	at: Date;
}

interface StoredRow {
	id: string;
	name: string;
	type: string;
	json: string;
}

/** Same classes and wording as the CLI's CredentialNotFoundError / CredentialMissingIdError. */
function credentialLookupError(id: string | null | undefined, type: string): Error {
	return id
		? new UserError(`Credential with ID "${id}" does not exist for type "${type}".`)
		: new UnexpectedError('Found credential with no ID.', { extra: { credentialType: type } });
}

export class CredentialsStore {
	private readonly rows = new Map<string, StoredRow>();

	/** Every write through updateCredentials / updateCredentialsOauthTokenData, oldest first. */
	readonly updates: CredentialWrite[] = [];

	add(row: CredentialRow): void {
		if (this.rows.has(row.id)) throw new Error(`Credential "${row.id}" already exists in the store`);
		this.rows.set(row.id, { id: row.id, name: row.name, type: row.type, json: JSON.stringify(row.data) });
	}

	/** Replaces data without counting as an update (test setup, like editing in the UI). */
	replaceData(id: string, data: ICredentialDataDecryptedObject): void {
		const row = this.requireRow(id);
		row.json = JSON.stringify(data);
	}

	remove(id: string): void {
		this.rows.delete(id);
	}

	ids(): string[] {
		return [...this.rows.keys()];
	}

	has(id: string): boolean {
		return this.rows.has(id);
	}

	/** A copy of the row; throws if it does not exist (check with `has`). */
	get(id: string): CredentialRow {
		const row = this.requireRow(id);
		return { id: row.id, name: row.name, type: row.type, data: JSON.parse(row.json) as ICredentialDataDecryptedObject };
	}

	/** The stored data (a copy); throws if the row does not exist. */
	data(id: string): ICredentialDataDecryptedObject {
		return JSON.parse(this.requireRow(id).json) as ICredentialDataDecryptedObject;
	}

	/** Looks a row up the way the CLI does: by id and type, an id is required. */
	find(details: INodeCredentialsDetails, type: string): CredentialRow {
		const row = details.id ? this.rows.get(details.id) : undefined;
		if (!row || row.type !== type) throw credentialLookupError(details.id, type);
		return this.get(row.id);
	}

	write(id: string, type: string, data: ICredentialDataDecryptedObject, source: CredentialWriteSource): void {
		const row = this.requireRow(id);
		if (row.type !== type) throw credentialLookupError(id, type);
		row.json = JSON.stringify(data);
		this.updates.push({
			id,
			type,
			source,
			data: JSON.parse(row.json) as ICredentialDataDecryptedObject,
			at: new Date(),
		});
	}

	/** Writes to one credential, oldest first. */
	updatesFor(id: string): CredentialWrite[] {
		return this.updates.filter((update) => update.id === id);
	}

	updateCount(id?: string): number {
		return id === undefined ? this.updates.length : this.updatesFor(id).length;
	}

	private requireRow(id: string): StoredRow {
		const row = this.rows.get(id);
		if (!row) throw new Error(`Credential "${id}" is not in the store`);
		return row;
	}
}
