/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * also a fixture (the contract test checks), so its events are reviewed in an expected file.
 */
export const ALIYUN_PROMETHEUS_SAMPLES: Record<string, unknown> = {
  firing: {
    alerts: [
      {
        annotations: {
          _aliyun_arms_alert_value: '85.521240234375',
          _aliyun_arms_alert_message: 'null\n消息ID: ac10c42a16124966960554200d2450-7996494\n',
          _aliyun_arms_alert_now_value: '85.521240234375',
          message:
            '报警：命名空间: arms-prom / Pod: kube-state-metrics-7d9b8c / 容器: kube-state-metrics 内存使用率超过80%, 当前值85.52%',
          value: '85.521240234375',
          _aliyun_arms_alert_past_value: '85.521240234375',
        },
        endsAt: '2021-02-22T07:27:15.404000000Z',
        fingerprint: 'bec72890cc2c7b4a027e008df0cd1013',
        labels: {
          container: 'kube-state-metrics',
          severity: 'warning',
          _aliyun_arms_alert_level: 'ERROR',
          instance: '10.0.80.186:10255',
          clustername: 'klyz1688-kubernetes-1',
          _aliyun_arms_alert_type: '101',
          _aliyun_arms_integration_name: '测试集成-prometheus',
          alertname: '容器内存使用率大于80%',
          _aliyun_arms_userid: '1131971649496228',
          _aliyun_arms_involvedObject_kind: 'cluster',
          _aliyun_arms_involvedObject_name: 'klyz1688-kubernetes-1',
          _aliyun_arms_involvedObject_id: 'c5d2b4f3e9a1b4e6a8d7c3b2a1f0e9d8c',
          _aliyun_arms_involvedObject_type: 'ManagedKubernetes',
          _aliyun_arms_region_id: 'cn-hangzhou',
          _aliyun_arms_integration_id: '2',
          _aliyun_arms_product_type: 'PROMETHEUS',
          namespace: 'arms-prom',
          pod_name: 'kube-state-metrics-7d9b8c',
          name: 'k8s_kube-state-metrics',
          _aliyun_arms_alert_rule_id: '3927051',
        },
        startsAt: '2021-02-22T07:18:15.578000000Z',
        status: 'firing',
      },
    ],
    commonAnnotations: {
      _aliyun_arms_alert_value: '85.521240234375',
      message:
        '报警：命名空间: arms-prom / Pod: kube-state-metrics-7d9b8c / 容器: kube-state-metrics 内存使用率超过80%, 当前值85.52%',
      value: '85.521240234375',
    },
    commonLabels: {
      alertname: '容器内存使用率大于80%',
      _aliyun_arms_alert_level: 'ERROR',
      clustername: 'klyz1688-kubernetes-1',
      namespace: 'arms-prom',
      severity: 'warning',
    },
    externalURL: 'https://alerts.console.aliyun.com/#/alarm/alert/detail/2848',
    groupLabels: {
      alertname: '容器内存使用率大于80%',
    },
    receiver: 'testjiubian',
    status: 'firing',
  },
};
