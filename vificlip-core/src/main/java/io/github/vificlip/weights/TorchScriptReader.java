/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parameters of a TorchScript archive ({@code torch.jit.save}, the format of OpenAI's
 * released CLIP files such as {@code ViT-B-16.pt}) without libtorch and without running any of its
 * code.
 *
 * <p>The archive's {@code data.pkl} pickles the module object graph: each module is {@code GLOBAL
 * __torch__.<qualified class>}, {@code EMPTY_TUPLE}, {@code NEWOBJ}, then a dict of its attributes
 * in slot order and {@code BUILD}; parameters and buffers are literal tensors rebuilt through
 * {@code torch._utils._rebuild_tensor_v2} from storages in {@code data/<n>}. Tensors are collected
 * under their attribute paths ({@code visual.transformer.resblocks.0.attn.in_proj_weight}), as
 * {@code state_dict()} names them. The code in {@code code/} and the tensor constants in {@code
 * constants.pkl} are not read.
 */
final class TorchScriptReader {

    private TorchScriptReader() {}

    /**
     * Reads the object graph of an open archive and describes its tensors.
     *
     * @param archive a TorchScript archive, closed with the returned contents
     * @return the tensors, read while the archive is open
     * @throws WeightsException if {@code data.pkl} is malformed or holds no module
     * @throws IOException if the archive cannot be read
     */
    static ArchiveContents open(TorchArchive archive) throws IOException {
        Path file = archive.file();
        Object root = archive.unpickleData();
        if (!(root instanceof Pickled.Instance)) {
            throw new WeightsException(
                    file,
                    archive.prefix()
                            + "data.pkl holds "
                            + PickledTrees.kind(root)
                            + ", not a TorchScript module object");
        }
        List<LazyTensor> tensors = new ArrayList<>();
        PickledTrees.attributeTensors(
                root,
                "",
                (name, ref) -> tensors.add(ArchiveTensor.of(archive, name, ref, "data/")));
        return new ArchiveContents(
                archive,
                WeightsFormat.TORCHSCRIPT,
                "module " + ((Pickled.Instance) root).type().qualifiedName(),
                List.of(),
                tensors);
    }
}
