/**
 * A random source that reproduces PyTorch 1.13's CPU generator bit for bit, so that kinit's Kaiming
 * fills and {@link dev.kinit.LayerDefaults} give the weights PyTorch gives after {@code
 * torch.manual_seed(seed)}: {@link dev.kinit.torch.TorchGenerator}, with the kernel build chosen by
 * {@link dev.kinit.torch.CpuCapability}.
 */
@NullMarked
package dev.kinit.torch;

import org.jspecify.annotations.NullMarked;
