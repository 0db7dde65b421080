using System.Text.Json;
using DwsPowerShell.Client.Tests.Examples;

namespace DwsPowerShell.Client.Tests.Clusters;

/// <summary>
/// Reference examples that tests/Fixtures/examples.json lists as "unparsed" (the PDF conversion lost
/// brackets or garbled lines), copied by hand from seeds/004_29e34477752eb603.txt with only the
/// structure repaired. Each cites its source lines; every field and value is as printed, except where
/// a comment says otherwise.
/// </summary>
public static class ReferenceFixes
{
    /// <summary>
    /// 5.2.3 request, source lines 1160-1183. Repaired: the "}," closing public_ip and volume, and the
    /// closing braces, were lost in conversion.
    /// </summary>
    public const string CreateV2Request = """
    {
      "cluster" : {
        "flavor" : "dws.m1.xlarge.ultrahigh",
        "num_node" : 3,
        "subnet_id": "374eca02-cfc4-4de7-8ab5-dbebf7d9a720",
        "security_group_id": "dc3ec145-9029-4b39-b5a3-ace5a01f772b",
        "vpc_id": "85b20d7e-9eb7-4b2a-98f3-3c8843ea3574",
        "db_port" : 8000,
        "datastore_version" : "8.2.1",
        "availability_zones" : [ "az1", "az2", "az3" ],
        "name" : "dws-1",
        "num_cn": 3,
        "db_name" : "dbadmin",
        "db_password": "Passw0rd!",
        "public_ip" : {
          "public_bind_type" : "auto_assign",
          "eip_id" : ""
        },
        "volume":{
          "volume":"SSD",
          "capacity":100
        },
        "enterprise_project_id" : "aca4e50a-266f-4786-827c-f8d6cc3fbada"
      }
    }
    """;

    /// <summary>
    /// 5.2.6 response, source lines 1526-1577. Repaired: the opening "{", the "}," after public_ip
    /// (printed as ",,"), the "} ]," after public_endpoints and the "}," after action_progress, and the
    /// closing brackets.
    /// </summary>
    public const string ListResponse = """
    {
      "clusters" : [ {
        "id": "7d85f602-a948-4a30-afd4-e84f47471c15",
        "name" : "dws-1",
        "status" : "AVAILABLE",
        "version" : "1.2.0",
        "updated" : "2016-02-10T14:28:14Z",
        "created" : "2016-02-10T14:26:14Z",
        "port": 8000,
        "endpoints" : [ {
          "connect_info" :"192.168.0.10:8000",
          "jdbc_url": "jdbc:postgresql://192.168.0.10:8000/<YOUR_DATABASE_name>"
        } ],
        "nodes" : [ {
          "id": "acaf62a4-41b3-4106-bf6b-2f669d88291e",
          "status" : "200"
        }, {
          "id" : "d32de51e-4fcd-4e5a-a9dc-bb903abb494b",
          "status" : "200"
        }, {
          "id": "d71a4a25-c9bc-4ffd-9f4a-e422aef327f9",
          "status" : "200"
        } ],
        "tags" : [ {
          "key": "key1",
          "value": "value1"
        }, {
          "key" : "key2",
          "value" : "value2"
        } ],
        "user_name" : "dbadmin",
        "number_of_node" : 3,
        "recent_event": 6,
        "availability_zone": "az1.dc1",
        "enterprise_project_id": "0",
        "node_type" : "dws.d1.xlarge.ultrahigh",
        "vpc_id": "85b20d7e-9eb7-4b2a-98f3-3c8843ea3574",
        "subnet_id": "374eca02-cfc4-4de7-8ab5-dbebf7d9a720",
        "public_ip" : {
          "public_bind_type" : "auto_assign",
          "eip_id" : "85b20d7e-9eb7-4b2a-98f3-3c8843ea3574"
        },
        "public_endpoints" : [ {
          "public_connect_info" : "10.0.0.8:8000",
          "jdbc_url": "jdbc:postgresql://192.168.0.10:8000/<YOUR_DATABASE_name>"
        } ],
        "action_progress" : {
          "SNAPSHOTTING" : "20%"
        },
        "sub_status" : "READONLY",
        "task_status" : "SNAPSHOTTING",
        "security_group_id" : "dc3ec145-9029-4b39-b5a3-ace5a01f772b"
      } ],
      "count" : 1
    }
    """;

    /// <summary>
    /// 5.2.13 response, source lines 2487-2559. Repaired: the lost brackets throughout; the OCR'd keys
    /// "connect info", "recent event" and "subnet id" read as connect_info, recent_event and subnet_id
    /// (the table's names); "." after connect_info, and the missing commas after "192.168.0.12" and
    /// "origin_node_num", restored. The second node lost its name and status lines in conversion; they
    /// are restored following its neighbours ("dws-1-dws-cn-cn-2-1", "200"). The undocumented node
    /// "name" and the garbled eip_id are kept as printed.
    /// </summary>
    public const string DetailResponse = """
    {
      "cluster": {
        "id": "7d85f602-a948-4a30-afd4-e84f47471c15",
        "name": "dws-1",
        "status": "AVAILABLE",
        "version": "1.2.0",
        "updated": "2018-02-10T14:28:14Z",
        "created": "2018-02-10T14:28:14Z",
        "port": 8000,
        "endpoints": [ {
          "connect_info": "192.168.0.10:8000",
          "jdbc_url": "jdbc:postgresql://192.168.0.10:8000/<YOUR_DATABASE_name>"
        } ],
        "nodes": [ {
          "id": "acaf62a4-41b3-4106-bf6b-2f669d88291e",
          "name": "dws-1-dws-cn-cn-1-1",
          "status": "200"
        }, {
          "id": "d32de51e-4fcd-4e5a-a9dc-bb903abb494b",
          "name": "dws-1-dws-cn-cn-2-1",
          "status": "200"
        }, {
          "id": "d71a4a25-c9bc-4ffd-9f4a-e422aef327f9",
          "name": "dws-1-dws-cn-cn-3-1",
          "status": "200"
        } ],
        "tags": [ {
          "key": "key1",
          "value": "value1"
        }, {
          "key": "key2",
          "value": "value2"
        } ],
        "user_name": "dbadmin",
        "number_of_node": 3,
        "recent_event": 6,
        "availability_zone": "az1.dc1",
        "enterprise_project_id": "0",
        "node_type": "dws.m1.xlarge.ultrahigh",
        "vpc_id": "85b20d7e-9eb7-4b2a-98f3-3c8843ea3574",
        "subnet_id": "374eca02-cfc4-4de7-8ab5-dbebf7d9a720",
        "subnet_ids":["374eca02-cfc4-4de7-8ab5-dbebf7d9a720","2a2ea336-f894-4599-928b-12ac1941e643"],
        "public_ip": {
          "public_bind_type": "auto_assign",
          "eip_id": "85b20d7e-9etypeb2a-98f3-3c8843ea3574"
        },
        "public_endpoints": [ {
          "public_connect_info": "192.168.0.10:8000",
          "jdbc_url": "jdbc:postgresql://192.168.0.10:8000/<YOUR_DATABASE_name>"
        } ],
        "action_progress": {
          "SNAPSHOTTING": "20%"
        },
        "sub_status": "READONLY",
        "task_status": "SNAPSHOTTING",
        "parameter_group": {
          "id": "157e9cc4-64a8-11e8-adc0-fa7ae01bbebc",
          "name": "Default-Parameter-Group-dws ",
          "status": "In-Sync"
        },
        "security_group_id": "dc3ec145-9029-4b39-b5a3-ace5a01f772b",
        "private_ip": [
          "192.168.0.12",
          "192.168.0.66"
        ],
        "maintain_window": {
          "day": "Wed",
          "start_time": "22:00",
          "end_time": "02:00"
        },
        "resize_info": {
          "target_node_num": "6",
          "origin_node_num": "3",
          "resize_status": "GROWING",
          "start_time": "2018-02-14T14:28:14Z"
        },
        "flavor_detail": {
          "type": "dws",
          "cpu": "4",
          "mem": "32",
          "volume_type": "SATA",
          "volume_size": "200",
          "volume_num": "2"
        }
      }
    }
    """;

    /// <summary>
    /// 5.2.14 response, source lines 2673-2710. Repaired: the opening "{", the escaped "\{" of
    /// attachments, and the "}," / "} ]," lines lost after attachments, datastores, volume and
    /// elastic_volume_specs.
    /// </summary>
    public const string NodeTypesResponse = """
    {
      "node_types" : [ {
        "spec_name" : "dws.d2.xlarge",
        "id" : "ebe532d6-665f-40e6-a4d4-3c51545b6a67",
        "datastore_type" : "dws",
        "available_zones" : [ {
          "code" : "az1",
          "status" : "normal"
        } ],
        "ram" : 32,
        "vcpus" : 4,
        "datastores" : [ {
          "version" : "8.1.3.200",
          "attachments" : {
            "min_cn" : 2,
            "max_cn": 20
          }
        } ],
        "volume" : {
          "type" : "SSD",
          "size" : 160
        },
        "elastic_volume_specs" : [ {
          "type" : "SSD",
          "step" : 100,
          "min_size" : 100,
          "max_size" : 32000
        } ],
        "detail" : [ {
          "type" : "vCPU",
          "value" : "4"
        }, {
          "value" : "1675",
          "type" : "LOCAL_DISK",
          "unit" : "GB"
        }, {
          "type" : "mem",
          "value" : "32",
          "unit" : "GB"
        } ]
      } ],
      "count" : 1
    }
    """;

    /// <summary>Seed 000 (the Chinese 5.2.30 page), "状态码： 202" example, as printed.</summary>
    public const string ShrinkAcceptedResponse = """
    {
            "job_id":"89cd04f168b84af6be287f71730fdb4b"
    }
    """;

    public static ReferenceExample Example(string section, string kind, string json, int firstLine) =>
        new(section, kind, kind == "response" ? 200 : null, "hand-repaired", JsonDocument.Parse(json).RootElement.Clone(), firstLine);
}
