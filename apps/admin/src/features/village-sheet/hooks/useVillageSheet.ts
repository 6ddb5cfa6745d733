import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  OnboardVillagesDocument,
  type OnboardVillagesMutation,
  VillageSheetPreviewDocument,
  type VillageSheetPreviewQuery,
  VillageSheetTemplateDocument,
} from '../../../shared/api/graphql.generated';
import { toBase64 } from '../../../shared/rules/spreadsheet-file';

export type SheetPreview = VillageSheetPreviewQuery['villageSheetPreview'];
export type OpenedVillage = OnboardVillagesMutation['onboardVillages'][number];

/**
 * The bulk village sheet under `parentId`: the template, the uploaded file's preview (the
 * server reads it, writes nothing), and one run that opens every station or none.
 */
export function useVillageSheet(parentId: string | null) {
  const client = useApolloClient();
  const [sheet, setSheet] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<OpenedVillage[] | null>(null);
  const [run, { loading: running }] = useMutation(OnboardVillagesDocument);

  const template = async () => {
    const { data } = await client.query({
      query: VillageSheetTemplateDocument,
      fetchPolicy: 'no-cache',
    });
    return data?.villageSheetTemplate ?? null;
  };

  const check = async (file: File) => {
    if (!parentId) return;
    setChecking(true);
    setError(null);
    setPreview(null);
    setOpened(null);
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      setSheet({ name: file.name, base64 });
      const { data } = await client.query({
        query: VillageSheetPreviewDocument,
        variables: { input: { parentId, spreadsheet: base64 } },
        fetchPolicy: 'no-cache',
      });
      setPreview(data?.villageSheetPreview ?? null);
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  };

  const open = async () => {
    if (!parentId || !sheet) return;
    setError(null);
    try {
      const { data } = await run({ variables: { input: { parentId, spreadsheet: sheet.base64 } } });
      if (data) setOpened(data.onboardVillages);
    } catch (caught) {
      setError(caught);
    }
  };

  const reset = () => {
    setSheet(null);
    setPreview(null);
    setError(null);
    setOpened(null);
  };

  return { template, check, open, reset, sheet, preview, checking, running, error, opened };
}
