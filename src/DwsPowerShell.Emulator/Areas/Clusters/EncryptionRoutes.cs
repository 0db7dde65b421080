using System.Text.Json.Nodes;
using DwsPowerShell.Emulator.Catalogue;
using DwsPowerShell.Emulator.Core;

namespace DwsPowerShell.Emulator.Areas.Clusters;

/// <summary>KMS encryption of a cluster (5.2.51, 5.2.60).</summary>
public sealed class EncryptionRecord
{
    public string Id { get; set; } = "";
    public string MasterKeyId { get; set; } = "";
    public string MasterKeyName { get; set; } = "";
    public string CryptAlgorithm { get; set; } = "generalCipher";
    public DateTimeOffset? LastRotateKeyTime { get; set; }

    /// <summary>crypt_algorithm (5.2.3, 5.2.60): generalCipher (also when absent) or SMCipher; anything else is a 400.</summary>
    public static string Algorithm(JsonObject parent)
    {
        var algorithm = Wire.OptionalString(parent, "crypt_algorithm") ?? "generalCipher";
        if (algorithm is not ("generalCipher" or "SMCipher"))
            throw DwsErrors.BadRequest(DwsErrors.OutOfRange, $"The parameter value is out of range: crypt_algorithm '{algorithm}' must be generalCipher or SMCipher.");
        return algorithm;
    }
}

/// <summary>5.2.51 Obtaining Cluster Encryption Information and 5.2.60 Converting an Ordinary Cluster to an Encrypted Cluster.</summary>
internal static class EncryptionRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(DwsOperations.S5_2_51, EncryptInfo);
        routes.Map(DwsOperations.S5_2_60, Encrypt);
    }

    // 5.2.51: an ordinary cluster answers its id with null key fields.
    private static IResult EncryptInfo(string cluster_id, EmulatorState state)
    {
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            var e = c.Encryption;
            return Wire.Json(new JsonObject
            {
                ["id"] = e?.Id,
                ["cluster_id"] = c.Id,
                ["master_key_id"] = e?.MasterKeyId,
                ["master_key_name"] = e?.MasterKeyName,
                ["last_rotate_key_time"] = e?.LastRotateKeyTime is { } t ? Wire.IsoZ(t) : null,
                ["crypt_algorithm"] = e?.CryptAlgorithm,
            });
        }
    }

    // 5.2.60: {"encrypt":{master_key_id, master_key_name, crypt_algorithm?}}; one way; answers a job.
    private static async Task<IResult> Encrypt(HttpContext http, string cluster_id, EmulatorState state)
    {
        var body = await Wire.ReadObjectAsync(http, required: true);
        var encrypt = Wire.RequireObject(body!, "encrypt");
        var keyId = Wire.RequireString(encrypt, "master_key_id");
        var keyName = Wire.RequireString(encrypt, "master_key_name");
        var algorithm = EncryptionRecord.Algorithm(encrypt);
        lock (state.Gate)
        {
            var c = ClusterLifecycle.Get(state, cluster_id);
            if (c.Encryption is not null)
                throw DwsErrors.BadRequest(DwsErrors.Busy, $"The cluster is already encrypted with key {c.Encryption.MasterKeyName}; the conversion is one-way and cannot be repeated.");
            ClusterLifecycle.EnsureIdle(c, state.Clock.UtcNow, "Encryption");
            c.PendingEncryption = new EncryptionRecord { Id = EmulatorState.NewUuid(), MasterKeyId = keyId, MasterKeyName = keyName, CryptAlgorithm = algorithm };
            var op = ClusterLifecycle.StartOperation(state, c, "encrypt", state.Options.Durations.ClusterRestart, "ENCRYPTING", "ENCRYPT_FAILURE", jobName: "dwsClusterEncryptJob");
            return Wire.Json(new JsonObject { ["job_id"] = op.JobId });
        }
    }
}
