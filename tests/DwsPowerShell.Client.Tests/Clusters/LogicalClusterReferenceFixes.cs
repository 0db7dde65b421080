namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>
/// The reference examples of 5.2.7, 5.2.11, 5.2.12, 5.2.18 and 5.2.59 that tests/Fixtures/examples.json lists as "unparsed", copied by hand from
/// seeds/004_29e34477752eb603.txt with only the structure repaired (lost "{", "}," and "]" lines). Each cites its
/// source lines; fields and values are as printed. 5.2.4's request (lines 1268-1270: only closing brackets survive)
/// and 5.2.9's response (lines 1936-1940: only the last item's name survives) cannot be restored.
/// </summary>
public static class LogicalClusterReferenceFixes
{
    /// <summary>5.2.7 response, lines 1686-1773. Repaired: the opening lines (the wrapper, the first item's
    /// logical_cluster_id and logical_cluster_name and its first ring_hosts line were lost: the id and the name
    /// "elastic_group" here are placeholders), the "{"/"}," lines between hosts and the "}," closing action_info.</summary>
    public const string ListResponse = """
    {
      "logical_clusters": [
        {
          "logical_cluster_id": "0b494d0d-8431-4c4f-8a06-2cc42d0d0c7d",
          "logical_cluster_name": "elastic_group",
          "cluster_rings": [
            {
              "ring_hosts": [
                { "host_name": "host-10-0-0-1", "back_ip": "10.0.0.1", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
                { "host_name": "host-10-0-0-2", "back_ip": "10.0.0.2", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
                { "host_name": "host-10-0-0-3", "back_ip": "10.0.0.3", "cpu_cores": 4, "memory": 32, "disk_size": 200 }
              ]
            }
          ],
          "status": "Normal",
          "first_logical_cluster": false,
          "action_info": {
            "progress": 100,
            "completed": true,
            "result": "success",
            "logs": null,
            "action_name": "Grow",
            "start_time": "2024-04-13 07:17:49",
            "end_time": "2024-04-13 07:33:23"
          },
          "edit_enable": true,
          "restart_enable": true,
          "delete_enable": false,
          "add_to_elastic": true,
          "base_vw": false,
          "waiting_for_killing": 0
        },
        {
          "logical_cluster_id": "77782e65-7cfb-4e2d-a418-8777503644b7",
          "logical_cluster_name": "rrtjj",
          "cluster_rings": [
            {
              "ring_hosts": [
                { "host_name": "host-10-0-0-4", "back_ip": "10.0.0.4", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
                { "host_name": "host-10-0-0-5", "back_ip": "10.0.0.5", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
                { "host_name": "host-10-0-0-6", "back_ip": "10.0.0.6", "cpu_cores": 4, "memory": 32, "disk_size": 200 }
              ]
            }
          ],
          "status": "Normal",
          "first_logical_cluster": true,
          "action_info": {
            "progress": 100,
            "completed": true,
            "result": "success",
            "logs": "......\ncm_ctl: stop instance successfully!\n.....\ncm_ctl: start instance successfully.\ncm_ctl: restart the rrtjj successful.",
            "action_name": "Restart",
            "start_time": "2024-04-13 08:00:32",
            "end_time": "2024-04-13 08:00:57"
          },
          "edit_enable": true,
          "restart_enable": true,
          "delete_enable": false,
          "add_to_elastic": true,
          "base_vw": true,
          "waiting_for_killing": 0
        }
      ],
      "count": 2,
      "add_enable": true
    }
    """;

    /// <summary>5.2.11 response, lines 2116-2140. Repaired: the opening "{", each host's "{" and "}," lines.</summary>
    public const string RingsResponse = """
    {
      "error_code": "DWS.0000",
      "error_msg": null,
      "cluster_rings": [
        {
          "ring_hosts": [
            { "host_name": "host-10-0-0-1", "back_ip": "10.0.0.1", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
            { "host_name": "host-10-0-0-2", "back_ip": "10.0.0.2", "cpu_cores": 4, "memory": 32, "disk_size": 200 },
            { "host_name": "host-10-0-0-3", "back_ip": "10.0.0.3", "cpu_cores": 4, "memory": 32, "disk_size": 200 }
          ]
        }
      ],
      "count": 1,
      "unshrinkable_cluster_rings": null
    }
    """;

    /// <summary>5.2.12 response, lines 2218-2253. Repaired: the opening "{" and the "}, {" between the first two instances. status is the integer 200.</summary>
    public const string TopologyResponse = """
    {
      "cluster_rings" : [ {
        "instance_info_lists" : [ {
          "id" : "a57e49db-c04b-45c7-9863-f7b6f3eed1b8",
          "name" : "ty-default--BGy6PUIN-K-dws-cn-cn-1-1",
          "manage_ip" : "172.16.26.233",
          "traffic_ip" : "192.168.0.217",
          "internal_ip" : "172.16.66.153",
          "internal_mgnt_ip" : null,
          "eip" : null,
          "elb" : null,
          "status" : 200,
          "az_code" : "az1.dc1"
        }, {
          "id" : "3a37f794-be37-42d1-a299-a3eb94888ccb",
          "name" : "ty-default--BGy6PUIN-K-dws-cn-cn-2-1",
          "manage_ip" : "172.16.34.21",
          "traffic_ip" : "192.168.0.80",
          "internal_ip" : "172.16.65.89",
          "internal_mgnt_ip" : null,
          "eip" : null,
          "elb" : null,
          "status" : 200,
          "az_code" : "az1.dc1"
        }, {
          "id" : "8763cbf1-5851-44a5-9e71-cbae35201f27",
          "name" : "ty-default--BGy6PUIN-K-dws-dn-1-1",
          "manage_ip" : "172.16.9.16",
          "traffic_ip" : "192.168.0.88",
          "internal_ip" : "172.16.67.64",
          "internal_mgnt_ip" : null,
          "eip" : null,
          "elb" : null,
          "status" : 200,
          "az_code" : "az1.dc1"
        } ]
      } ],
      "count" : 1
    }
    """;

    /// <summary>5.2.18 request, lines 2949-2990. Repaired: the opening "{", each host's "{"/"}," and the rings' "} ]," lines. memory/disk_size are strings as printed.</summary>
    public const string EditRequest = """
    {
      "cluster_rings": [
        { "ring_hosts": [
          { "back_ip": "172.16.73.90", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-20-246", "memory": "32.0" },
          { "back_ip": "172.16.123.5", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-4-26", "memory": "32.0" },
          { "back_ip": "172.16.92.175", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-43-90", "memory": "32.0" }
        ] },
        { "ring_hosts": [
          { "back_ip": "172.16.73.54", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-11-287", "memory": "32.0" },
          { "back_ip": "172.16.123.59", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-77-882", "memory": "32.0" },
          { "back_ip": "172.16.92.177", "cpu_cores": 8, "disk_size": "800.0", "host_name": "host-172-16-77-870", "memory": "32.0" }
        ] }
      ],
      "mode": "read-only",
      "waiting_for_killing": 0
    }
    """;

    /// <summary>5.2.59 response, lines 6120-6177. Repaired: the opening "{", the "}, {" inside flavor.links and the closing brackets.</summary>
    public const string InstanceResponse = """
    {
      "configuration_status": "In-Sync",
      "params_group_id" : "53cb2c86-a598-58ca-8c2c-0389f4b78912",
      "type" : "dws-cn",
      "subnet_id": "43cb2c86-a598-59ca-8c2c-0380f4b78613",
      "role" : "Standalone",
      "internal_subnet_id": "73cb3c86-a598-59ca-8c2c-0380f4b78659",
      "group" : "cn-1",
      "secure_group" : null,
      "vpc": "62cb2c86-a598-58ca-8c2c-0389f4b78954",
      "azcode" : "az1.dc1",
      "region" : "az1.dc1",
      "cluster_id": "85cb3c86-a598-59ca-8c2c-0380f4b78613",
      "created": "2023-02-24T02:25:36",
      "updated": "2023-02-24T09:25:36",
      "status" : null,
      "name" : "test-dws-cn-cn-1-1",
      "links" : [ { "rel" : "self", "href" : null }, { "rel" : "bookmark", "href" : null } ],
      "id" : "13cb2c86-a598-48ca-8c2c-0389f4b78963",
      "flavor" : {
        "id": "46cb2c86-a598-48ca-8c2c-0389f4b78545",
        "links" : [ { "rel" : "self", "href" : null }, { "rel" : "bookmark", "href" : null } ]
      },
      "volume" : null,
      "datastore" : { "type" : "dws3.0", "version" : "9.0.0" },
      "fault" : null,
      "configuration" : {
        "id" : "56cb2c86-a598-48ca-8c2c-0389f4b78549",
        "name" : "test",
        "links" : [ { "rel" : "self", "href" : null }, { "rel" : "bookmark", "href" : null } ]
      },
      "locality" : null,
      "replicas" : null,
      "db_user" : "admin",
      "storage_engine" : null,
      "pay_model" : 0,
      "public_ip" : null,
      "traffic_ip" : "192.168.13.132"
    }
    """;
}
