/** The {@code @KaimingInit} annotation processor. */
package dev.kinit.processor;
