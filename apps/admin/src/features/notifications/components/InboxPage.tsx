import { useApolloClient, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InboxDocument, MarkInboxMessageReadDocument } from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader, ReloadButton } from '../../../shared/ui/PageHeader';

/** 消息: what the notification outbox delivered to you (the demo's stand-in for SMS). */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const inbox = useQuery(InboxDocument, { fetchPolicy: 'cache-and-network' });
  const markRead = async (id: string) => {
    await client.mutate({ mutation: MarkInboxMessageReadDocument, variables: { input: { id } } });
    await inbox.refetch();
  };
  const data = inbox.data?.inbox;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        extra={
          <ReloadButton
            loading={inbox.loading}
            onClick={() => void inbox.refetch()}
            testId="inbox-reload"
          />
        }
      />
      {inbox.error && (
        <ErrorAlert title={t('inbox.loadError')} error={inbox.error} testId="inbox-error" />
      )}
      <Card
        title={
          <Space>
            {t('inbox.title')}
            <Badge count={data?.unread ?? 0} data-testid="inbox-unread" />
          </Space>
        }
      >
        <List
          loading={inbox.loading && !data}
          locale={{ emptyText: t('inbox.empty') }}
          dataSource={data?.messages ?? []}
          renderItem={(message) => (
            <List.Item
              data-testid="inbox-message"
              actions={
                message.readAt
                  ? [
                      <Typography.Text key="read" type="secondary">
                        {t('inbox.read')}
                      </Typography.Text>,
                    ]
                  : [
                      <Button key="read" size="small" onClick={() => void markRead(message.id)}>
                        {t('inbox.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!message.readAt}>{message.subject}</Typography.Text>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <span>{message.body}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(i18n.language, message.receivedAt)}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
