import { DownloadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportImplementationListDocument } from '../../../shared/api/graphql.generated';
import { actionErrorText } from '../../../shared/i18n/describe';
import { downloadSheet } from '../../../shared/rules/spreadsheet-file';

/** The shown tenant's whole list as the catalogue spreadsheet, with what it localized. */
export function ExportButton({ tenantId, name }: { tenantId: string; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      const { data } = await client.query({
        query: ExportImplementationListDocument,
        variables: { tenantId },
        fetchPolicy: 'no-cache',
      });
      if (data) downloadSheet(data.exportImplementationList, `${name}实施清单.xlsx`);
    } catch (error) {
      message.error(actionErrorText(t, error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={loading}
      onClick={() => void download()}
      data-testid="implementation-export"
    >
      {t('implementation.export')}
    </Button>
  );
}
